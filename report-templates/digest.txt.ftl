<#--
  The plain-text alternative of the digest: the same numbers as the HTML, for mail clients that show no HTML.
  Plain text (.ftl): nothing is escaped, so never paste this into HTML. Features add sections/NAME.txt.ftl.
-->
<#function fit s n><#if s?length gt n><#return s[0..<(n - 1)] + "…"><#else><#return s?right_pad(n)></#if></#function>
<#function num s n><#return s?left_pad(n)></#function>
<#function model m><#return m.name + m.provider?has_content?then(" (" + m.provider + ")", "")></#function>
<#macro row name usd share req failed tin tout>
  ${fit(name, 30)} ${num(usd, 10)} ${num(share, 5)} ${num(req, 9)} ${num(failed, 6)} ${num(tin, 8)} ${num(tout, 8)}
</#macro>
spend-audit · daily digest
${view.day} (the day in ${view.zone})

Status: ${view.status} · ${view.statusDetail}

Metered spend: ${view.headline.usd}
${view.headline.requests} request<#if view.headline.requests != "1">s</#if> · ${view.headline.failed} failed · ${view.headline.cacheHits} cache hits · ${view.headline.tokensIn} tokens in · ${view.headline.tokensOut} out

<#list view.comparisons as c>
<#if c.direction == "none">
  vs ${fit(c.label, 16)} ${num(c.change, 6)}                  (${c.note})
<#else>
  vs ${fit(c.label, 16)} ${num(c.change, 6)} from ${num(c.reference, 9)}   (${c.note})
</#if>
</#list>
<#if digest.sections.sources?? && digest.sections.sources?size gt 1>

GATEWAYS
<#list digest.sections.sources as g>
<#if g.missing??>
  ${fit(g.name, 20)} not read: its spend is missing from these figures; the next run reads it again (${g.missing})
<#else>
  ${fit(g.name, 20)} ${num(fmt.usd(g.usd), 10)} ${num(fmt.count(g.requests), 9)} requests · <#if g.freshness.status == "OK">logging (newest row ${fmt.hours(g.freshness.ageHours)} before the end of the day)<#elseif g.freshness.ageHours??>STALE: newest row ${fmt.hours(g.freshness.ageHours)} before the end of the day<#else>STALE: no spend-log row at all</#if>
</#if>
</#list>
</#if>
<#if view.findings?has_content>

FINDINGS
<#list view.findings as f>
<#if f.fold??>
  ${f.fold}
<#continue>
</#if>
  [${f.severity}] ${f.kind}<#if f.resolved> (resolved)</#if> · ${f.subject}<#if f.acknowledged??> · ${f.acknowledged}</#if>
      ${f.reason}<#if f.actual?? || f.baseline??> (<#if f.actual??>actual ${f.actual}</#if><#if f.actual?? && f.baseline??>, </#if><#if f.baseline??>baseline ${f.baseline}</#if>)</#if>
</#list>
</#if>
<#include "parts/missedDays.txt.ftl">

SPEND BY WORKLOAD
<@row "Workload", "Spend", "Share", "Requests", "Failed", "Tok. in", "Tok. out"/>
<#list view.rows as r>
<@row r.name, r.usd, r.share, r.requests, r.failed, r.tokensIn, r.tokensOut/>
<#if r.models?size == 1 || r.attribution??>
    <#if r.models?size == 1>${model(r.models[0])}</#if><#if r.models?size == 1 && r.attribution??> · </#if><#if r.attribution??>${r.attribution}</#if>
</#if>
<#if r.models?size gt 1>
<#list r.models as m>
<@row "  " + model(m), m.usd, m.share, m.requests, "", m.tokensIn, m.tokensOut/>
</#list>
<#if r.moreModels??>
    ${r.moreModels}
</#if>
</#if>
</#list>
<#if view.others??>
<@row view.others.name, view.others.usd, view.others.share, view.others.requests, view.others.failed, view.others.tokensIn, view.others.tokensOut/>
</#if>
<@row view.total.name, view.total.usd, view.total.share, view.total.requests, view.total.failed, view.total.tokensIn, view.total.tokensOut/>
<#if view.sparklines?has_content>

LAST 30 DAYS (one character per day, oldest first; · = not audited)
<#list view.sparklines as s>
  ${fit(s.name, 24)} ${s.text}  today ${s.today}, 30 days ${s.last30Days}
</#list>
<#if view.chart??>
  ${view.chartNote}
</#if>
</#if>
<#list digest.sections as name, value>
<#assign part = .get_optional_template("sections/" + name + ".txt.ftl")>
<#if part.exists><#global section = value><@part.include /></#if>
</#list>

--
<#if view.anomalies??>
Rows not taken at face value: ${view.anomalies}.
</#if>
Data ends: newest spend-log row ${view.footer.newestRow}
Run ${view.footer.runId?c} · generated ${view.footer.generatedAt}
Rerun this day: ${view.footer.rerunCommand}
