<#-- sections/reconcile.txt.ftl: billed against logged as plain text (nothing escaped: never include into HTML) -->

RECONCILED WITH THE PROVIDER'S BILL (UTC DAYS ${section.from} TO ${section.to})
  Providers bill UTC days, whatever the zone of this digest. A day no bill covers yet is pending, never a gap.
<#list section.providers as p>
  ${(p.provider + " " + p.date)?right_pad(26)} <#if p.status == "PENDING">pending: ${p.pendingReason!""} (logged ${fmt.usd(p.loggedUsd)})<#else>billed ${fmt.usd(p.billedUsd)?left_pad(9)} · logged ${fmt.usd(p.loggedUsd)?left_pad(9)} · <#if p.captureRate??>${fmt.percent(p.captureRate)}<#else>–</#if> captured · gap ${fmt.usd(p.gapUsd)}<#if p.reconciledTonight> · reconciled tonight</#if></#if>
<#if p.byokUsd??>
      BYOK ${fmt.usd(p.byokUsd)} beside the bill (not added)
</#if>
<#if p.missingCount gt 0>
      ${fmt.count(p.missingCount)} billed request<#if p.missingCount != 1>s</#if> not in the spend log: <#list p.missing[0..*5] as m>${m.requestId} ${fmt.usd(m.usd)} (${m.model})<#sep>, </#sep></#list>
</#if>
<#if p.mispricedCount gt 0>
      ${fmt.count(p.mispricedCount)} priced differently: <#list p.mispriced[0..*5] as m>${m.requestId} logged ${fmt.usd(m.loggedUsd)}, billed ${fmt.usd(m.billedUsd)} (${m.model})<#sep>, </#sep></#list>
</#if>
</#list>
<#if !section.providers?has_content>
  No bill in the inbox covers these days yet.
</#if>
<#list section.unreadable as u>
  Cannot read ${u.error} (nothing of it is used)
</#list>
<#list section.fetchFailed as f>
  Fetch failed: ${f} (the bills already in the inbox are used)
</#list>
