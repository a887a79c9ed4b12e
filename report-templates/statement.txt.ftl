<#-- A period's statement as plain text (nothing escaped: never include into HTML). Model as statement.ftlh. -->
spend-audit ${(s.kind == "week")?then("weekly statement", "monthly statement")}: ${s.title}
${from} to ${to}, days in ${s.zone}

  Total     ${fmt.usd(s.totalUsd)?left_pad(12)}   ${fmt.change(s.totalUsd, s.previous.totalUsd)} on ${s.previous.period} (${fmt.usd(s.previous.totalUsd)})
  Metered   ${fmt.usd(s.meteredUsd)?left_pad(12)}
  Plans     ${fmt.usd(s.subscriptionsUsd)?left_pad(12)}
<#if s.note??>

DAYS MISSING
  ${s.note}
</#if>
<#if s.movers?has_content>

TOP MOVERS
<#list s.movers as m>
  ${m.workload?truncate_c(40, "…")?right_pad(40)} ${fmt.usd(m.previousUsd)?left_pad(10)} -> ${fmt.usd(m.usd)?left_pad(10)}  ${fmt.change(m.usd, m.previousUsd)}
</#list>
</#if>

BY WORKLOAD AND MODEL                         spend   share  ${s.previous.period?left_pad(10)}
<#list s.workloads as w>
  ${w.workload?truncate_c(40, "…")?right_pad(40)} ${fmt.usd(w.usd)?left_pad(10)} ${fmt.percent(w.share)?left_pad(6)} ${fmt.usd(w.previousUsd)?left_pad(10)}
<#list w.models as m>
    ${(m.model + " (" + m.provider + ")")?truncate_c(38, "…")?right_pad(38)} ${fmt.usd(m.usd)?left_pad(10)} ${fmt.percent(m.share)?left_pad(6)} ${fmt.usd(m.previousUsd)?left_pad(10)}
</#list>
</#list>
<#if s.plans?has_content>

FLAT-FEE PLANS AGAINST METERED MODELS (per million tokens)
<#list s.plans as p>
  ${p.name}: ${fmt.usd(p.feeUsd)}, ${fmt.count(p.requests)} calls, ${fmt.tokens(p.tokens)} tokens<#if p.usdPerMillionTokens??>: ${fmt.usd(p.usdPerMillionTokens)} per million tokens</#if>
</#list>
<#list s.meteredModels as m>
  ${m.model} (${m.provider}, metered)<#if m.usdPerMillionTokens??>: ${fmt.usd(m.usdPerMillionTokens)} per million tokens</#if>
</#list>
</#if>
<#if s.reconciled?has_content>

RECONCILED WITH THE PROVIDER (UTC days)
<#list s.reconciled as r>
  ${r.provider}: <#if r.captureRate??>${fmt.percent(r.captureRate)} captured, ${fmt.usd(r.loggedUsd)} logged of ${fmt.usd(r.billedUsd)} billed<#else>nothing billed yet</#if> (${fmt.count(r.reconciledDays)} days reconciled<#if r.pendingDays gt 0>, ${fmt.count(r.pendingDays)} pending</#if>)
</#list>
</#if>
<#if s.budgets?has_content>

BUDGETS
<#list s.budgets as b>
  ${b.severity} ${b.reason}
</#list>
</#if>

Built from the job's store: ${s.days.stored} of the ${s.days.expected} days of ${s.period}. Generated ${s.generatedAt}.
