<#-- readday: the plain-text twin of sections/sourceRead.ftlh. -->
<#if section.note??>

WHERE THESE FIGURES COME FROM
  ${section.note}
</#if>
