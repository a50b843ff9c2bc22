package org.arabicnews.esplugin;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.Analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;

/** Where synonym rules come from: inline {@code synonyms} or a {@code synonyms_path} file under the config dir. */
final class SynonymRulesSource {

    private SynonymRulesSource() {}

    /** Fails early (at filter definition time) on settings this dev plugin cannot honour. */
    static void validate(Settings settings, String name) {
        if (settings.get("synonyms_set") != null) {
            throw new IllegalArgumentException("[" + name + "]: synonyms_set is not supported by the arabic-news-dev-analysis plugin;"
                + " use synonyms or synonyms_path");
        }
        if (settings.getAsList("synonyms", null) == null && settings.get("synonyms_path") == null) {
            throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
        }
    }

    /** Opens a fresh reader every call, so a reload sees the file's current content. */
    static Reader open(Environment env, Settings settings) {
        if (settings.getAsList("synonyms", null) != null) {
            List<String> rules = Analysis.getWordList(env, settings, "synonyms");
            return new StringReader(String.join("\n", rules));
        }
        // Resolves against the node's config dir; the last argument is the setting prefix used in errors ("<prefix>_path").
        return Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms");
    }

    /** How errors name the rules, in analysis-common's words: the file path, or the filter's inline settings. */
    static String origin(Settings settings, String name) {
        return settings.getAsList("synonyms", null) != null ? "'" + name + "' analyzer settings" : settings.get("synonyms_path");
    }
}
