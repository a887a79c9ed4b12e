<#-- The catch-up's other days as plain text (nothing escaped: never include into HTML). -->
<#if (digest.sections.missedDays)?has_content>

WHILE NO AUDIT RAN
  while no audit ran: ${digest.sections.missedDays?size} more day<#if digest.sections.missedDays?size != 1>s</#if> audited now, oldest first (their digests were written, not mailed)
<#list digest.sections.missedDays as d>
  ${d.day()} ${d.status?right_pad(5)} ${fmt.usd(d.meteredUsd)?left_pad(10)} metered · ${d.findings["ALERT"]?c} ALERT, ${d.findings["WATCH"]?c} WATCH, ${d.findings["INFO"]?c} INFO
<#list d.worst as f>
      [${f.severity}] ${f.kind} · ${f.subject?truncate_c(80, "…")}: ${f.reason}
</#list>
<#if (d.more() > 0)>
      and ${fmt.count(d.more())} more in digest-${d.day()}.json
</#if>
</#list>
</#if>
