package dev.spendaudit.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting that is read from the environment only (an admin key, say): set anywhere else (a configuration file,
 * the command line, a Java system property) it stops the start with {@link EnvironmentOnlySettingException}, naming
 * the setting, where it was set and the environment variable to use instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
public @interface EnvironmentOnly {

}
