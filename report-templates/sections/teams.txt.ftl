<#-- teams: the plain-text twin of sections/teams.ftlh (nothing escaped: never include into HTML). -->

SPEND BY TEAM
<#list section as t>
  ${(t.team?length gt 30)?then(t.team[0..<29] + "…", t.team?right_pad(30))} ${fmt.usd(t.usd)?left_pad(10)} ${fmt.share(t.usd, digest.metered.usd)?left_pad(5)} ${fmt.count(t.requests)?left_pad(9)} requests ${fmt.count(t.failedRequests)?left_pad(6)} failed
    <#list t.workloads as w><#if w?index == 5> and ${t.workloads?size - 5} more<#break></#if><#if w?index gt 0>, </#if>${w.workload} ${fmt.usd(w.usd)}</#list>
</#list>
