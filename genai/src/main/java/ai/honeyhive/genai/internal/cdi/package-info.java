/** The CDI portable extension that adds HoneyHive's listener to the application's LangChain4j models. */
@NullMarked
package ai.honeyhive.genai.internal.cdi;

import org.jspecify.annotations.NullMarked;
