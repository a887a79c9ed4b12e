<#-- sections/costs.txt.ftl: metered, flat-fee and total as plain text (nothing escaped: never include into HTML) -->
<#assign plans = digest.sections.subscriptions![]>
<#assign shares = digest.sections.flatFeeByWorkload![]>

METERED, FLAT-FEE AND TOTAL
  ${""?right_pad(26)} ${"Today"?left_pad(10)} ${"Month"?left_pad(10)}
  ${"Metered (per call)"?right_pad(26)} ${fmt.usd(section.metered.usd)?left_pad(10)} ${fmt.usd(section.metered.monthToDateUsd)?left_pad(10)}
  ${"Flat fees (plans, by day)"?right_pad(26)} ${fmt.usd(section.flatFee.usd)?left_pad(10)} ${fmt.usd(section.flatFee.monthToDateUsd)?left_pad(10)}
  ${"Total"?right_pad(26)} ${fmt.usd(section.total.usd)?left_pad(10)} ${fmt.usd(section.total.monthToDateUsd)?left_pad(10)}
<#list plans as p>
  ${p.name}: ${fmt.usd(p.usd)} today (${fmt.usd(p.periodUsd)} ${p.period}), ${fmt.count(p.requests)} calls, ${fmt.tokens(p.tokens)} tokens<#if p.usdPerMillionTokens??>, ${fmt.usd(p.usdPerMillionTokens)} per million tokens over 30 days</#if>, ${fmt.usd(p.monthToDateUsd)} this month
</#list>
<#if shares?has_content>
  Flat fees by workload (by tokens; not part of metered spend): <#list shares as w>${w.workload?truncate_c(48, "…")} ${fmt.usd(w.usd)}<#sep>, </#sep></#list>
</#if>
