<#-- sections/freshness.txt.ftl: the freshness section as plain text (nothing escaped: never include into HTML) -->

IS THE SPEND LOG STILL BEING WRITTEN?
  ${section.status?replace("_", " ")} · newest row <#if section.ageHours??>${fmt.hours(section.ageHours)} before the end of the day<#else>none</#if> · longest gap <#if section.maxGapHours??>${fmt.hours(section.maxGapHours)}<#else>–</#if>
  ${section.explanation}
<#if section.uncaptured.byWorkload?has_content>
  Not in the spend log:
<#list section.uncaptured.byWorkload as w>
<#if w?index lt 8>
    ${w.workload?right_pad(30)} ${(w.requests??)?then(fmt.count(w.requests!0), "–")?left_pad(9)} ${fmt.usd(w.usd)?left_pad(10)}
</#if>
</#list>
    ${"Total"?right_pad(30)} ${(section.uncaptured.requests??)?then(fmt.count(section.uncaptured.requests!0), "–")?left_pad(9)} ${fmt.usd(section.uncaptured.usd)?left_pad(10)}
</#if>
<#if section.canary??>
  Canary ${section.canary.key}: <#if !section.canary.found>no key has this alias<#elseif section.canary.silent>silent for ${fmt.hours(section.canary.longestSilenceHours)}<#else>calling</#if>
</#if>
