<#-- tags: the plain-text twin of sections/tags.ftlh (nothing escaped: never include into HTML). -->
<#assign sets = digest.sections.tagSets![]>
<#assign notArray = 0>
<#list sets as s><#if s.notArrayRows??><#assign notArray = s.notArrayRows></#if></#list>

SPEND BY TAG (a request with several tags counts in each: these rows overlap)
<#list section as t>
  ${(t.tag?length gt 30)?then(t.tag[0..<29] + "…", t.tag?right_pad(30))} ${fmt.usd(t.usd)?left_pad(10)} ${fmt.share(t.usd, digest.metered.usd)?left_pad(5)} ${fmt.count(t.requests)?left_pad(9)} requests
</#list>

SPEND BY TAG SET (these rows add up to the day's total)
<#list sets as s>
<#if s.tags?has_content><#assign label = s.tags?join(" + ")><#else><#assign label = "(untagged)"></#if>
  ${(label?length gt 30)?then(label[0..<29] + "…", label?right_pad(30))} ${fmt.usd(s.usd)?left_pad(10)} ${fmt.share(s.usd, digest.metered.usd)?left_pad(5)} ${fmt.count(s.requests)?left_pad(9)} requests
</#list>
<#if notArray gt 0>
  ${fmt.count(notArray)} request<#if notArray != 1>s</#if> had request_tags that is not a JSON array: counted as untagged.
</#if>
