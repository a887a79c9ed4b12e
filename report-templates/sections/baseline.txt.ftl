<#-- Detection: the plain-text twin of sections/baseline.ftlh (section is the BaselineSummary record). -->
<#macro state s><#if s.state == "PLANNED">planned<#if s.note?has_content>: ${s.note}</#if>, day ${s.day}<#if s.of??> of ${s.of}</#if><#elseif s.day gt 1 || (s.of?? && s.of gt 1)>day ${s.day}<#if s.of??> of ${s.of}</#if>, since ${s.since}<#else>new today</#if></#macro>
<#list digest.findings as f>
<#if (f.kind == "SPIKE" || f.kind == "DRIFT") && f.details?? && f.details.explanation?? && f.details.state.state != "RESOLVED">
<#assign d = f.details>
<#assign e = d.explanation>

WHY: ${e.where?upper_case} [${f.severity} ${f.kind}, <@state d.state/>]
  ${e.summary}
  actual ${fmt.usd(d.actualUsd)} · baseline ${fmt.usd(d.baselineUsd)} · excess ${fmt.usd(d.excessUsd)}
  ${d.rule}
<#if e.breakdown??>
<#assign b = e.breakdown>
  calls ${fmt.count(b.calls0!0)} -> ${fmt.count(b.calls1)} (more calls ${fmt.usd(b.volumeUsd)})
  prompt tokens/call ${fmt.tokens(b.promptPerCall0)} -> ${fmt.tokens(b.promptPerCall1)}<#if b.medianPromptTokens1??> (median ${fmt.tokens(b.medianPromptTokens1)})</#if>, completion ${fmt.tokens(b.completionPerCall0)} -> ${fmt.tokens(b.completionPerCall1)} (bigger calls ${fmt.usd(b.sizeUsd)})
  $/M tokens ${fmt.usd(b.usdPerMillionTokens0!0)} -> ${fmt.usd(b.usdPerMillionTokens1!0)} (price ${fmt.usd(b.priceUsd)})
</#if>
<#if e.promptSizes?has_content>
  prompt sizes: <#list e.promptSizes as p>${p.label} ${fmt.count(p.requests)}<#sep>, </#list>
</#if>
<#list e.topRequests as r>
  ${r.requestId}  ${fmt.isoTime(r.startTime, digest.zone)}  ${fmt.tokens(r.promptTokens)} in, ${fmt.tokens(r.completionTokens)} out  ${fmt.usd(r.usd)}
</#list>
<#list e.contributors as c>
<#if c.dimension != "workload×model" && c.top?has_content>
  by ${c.dimension}: <#list c.top as t>${t.name?truncate_c(48, "…")} ${fmt.usd(t.deltaUsd)}<#if t.share??> (${fmt.percent(t.share)})</#if><#sep>, </#list>
</#if>
</#list>
<#if d.related?has_content>
  also seen on: <#list d.related as r>${r.subject?truncate_c(48, "…")} (${r.severity})<#sep>; </#list>
</#if>
</#if>
</#list>

BASELINE
  total ${fmt.usd(section.actualUsd)} vs ${fmt.usd(section.baselineUsd)} (median of ${section.historyDays} of the last ${section.windowDays} days)<#if section.plannedUsd != 0>, ${fmt.usd(section.plannedUsd)} planned set aside</#if>
<#list section.quietMovers as m>
  quiet: ${m.subject?truncate_c(80, "…")} ${fmt.usd(m.baselineUsd)} -> ${fmt.usd(m.actualUsd)}: ${m.rule}
</#list>
  rules: ALERT when ${section.rules.alert}; WATCH when ${section.rules.watch}; DRIFT when ${section.rules.drift}
