package dev.spendaudit.digest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import dev.spendaudit.core.Quantities;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;

/**
 * Renders another document than the day's digest (the month's or the week's statement) with a template of
 * {@code report-templates/}, the digest's look and its escaping: the model's values, plus {@code fmt}
 * ({@link Quantities}). Freemarker stays in this package; the caller only names the template.
 */
public class PageRenderer {

	private final Configuration freemarker;

	private final DisplayWrapper display = new DisplayWrapper();

	PageRenderer(Configuration freemarker) {
		this.freemarker = freemarker;
	}

	/**
	 * @param template a file of {@code report-templates/}, e.g. {@code statement.ftlh}
	 * @param model the template's variables by name
	 */
	public String render(String template, Map<String, Object> model) {
		Map<String, Object> all = new HashMap<>(model);
		try {
			all.put("fmt", ((BeansWrapper) freemarker.getObjectWrapper()).getStaticModels()
				.get(Quantities.class.getName()));
			StringWriter out = new StringWriter();
			freemarker.getTemplate(template).process(all, out, display);
			return out.toString();
		}
		catch (TemplateModelException ex) {
			throw new IllegalStateException("cannot give the templates " + Quantities.class.getName(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the template " + template + ": " + ex.getMessage(), ex);
		}
		catch (TemplateException ex) {
			String where = ex.getTemplateSourceName() == null ? ""
					: " in " + ex.getTemplateSourceName() + " line " + ex.getLineNumber();
			String what = ex.getMessageWithoutStackTop().lines().findFirst().orElse("").strip();
			throw new IllegalStateException("rendering " + template + " failed" + where + ": " + what, ex);
		}
	}

}
