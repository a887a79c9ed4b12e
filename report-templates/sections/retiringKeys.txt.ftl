<#-- sections/retiringKeys.txt.ftl: the migration checklist as plain text (nothing escaped: never include into HTML) -->
<#if section?has_content>

RETIRING KEYS (never revoke a key that still shows traffic)
<#list section as k>
  [${k.verdict}] ${k.key}<#if k.workload?? && k.workload != k.key> (${k.workload?truncate_c(80, "…")})</#if>: ${fmt.count(k.requests24h)} requests in 24 h, ${fmt.count(k.requests7d)} in 7 days, ${fmt.usd(k.usd7d)}; last seen <#if k.lastSeen??>${fmt.isoTime(k.lastSeen, digest.zone)}<#else>not in the look-back</#if>
<#if k.callers.requesterIps?has_content || k.callers.endUsers?has_content || k.callers.tags?has_content>
      callers: <#list k.callers.requesterIps + k.callers.endUsers + k.callers.tags as v>${v.value}<#sep>, </#sep></#list>
</#if>
<#if k.note??>
      note: ${k.note}
</#if>
</#list>
</#if>
