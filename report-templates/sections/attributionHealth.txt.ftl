<#-- Detection: the plain-text twin of sections/attributionHealth.ftlh. -->

ATTRIBUTION HEALTH
<#if section.unattributedUsd == 0>
  every dollar of the day has an alias
<#else>
  ${fmt.share(section.unattributedUsd, section.totalUsd)} of the day's spend (${fmt.usd(section.unattributedUsd)} of ${fmt.usd(section.totalUsd)}) has no alias (threshold ${fmt.percent(section.thresholdShare)})
<#list section.workloads as w>
  ${w.workload?truncate_c(80, "…")} ${fmt.usd(w.usd)} (${w.attribution})
</#list>
</#if>
