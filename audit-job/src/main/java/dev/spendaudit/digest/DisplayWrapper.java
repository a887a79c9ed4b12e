package dev.spendaudit.digest;

import dev.spendaudit.core.DisplayText;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * The templates' view of the digest: every string reaches them through {@link DisplayText#clean}, so an alias
 * or model name with control characters, bidirectional overrides or 10 KB of text can neither break the plain
 * text's lines, reorder the HTML around it nor blow up its width. HTML escaping stays Freemarker's
 * ({@code .ftlh}); this only makes the text readable.
 */
final class DisplayWrapper extends DefaultObjectWrapper {

	DisplayWrapper() {
		super(Configuration.VERSION_2_3_34);
	}

	@Override
	public TemplateModel wrap(Object value) throws TemplateModelException {
		if (value instanceof String s) {
			return new SimpleScalar(DisplayText.clean(s));
		}
		return super.wrap(value);
	}

}
