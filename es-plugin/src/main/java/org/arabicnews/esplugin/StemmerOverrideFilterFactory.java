package org.arabicnews.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code stemmer_override}: rules {@code "a, b => c"} from {@code rules} (inline) or
 * {@code rules_path}; matching tokens get the given stem and are marked as keywords, so the
 * stemmers after it leave them alone.
 *
 * <p>Rules are checked as strictly as analysis-common checks them, with the same exception and
 * message: one arrow, no empty key, an override that is neither empty nor holds a comma. A rule
 * the real module rejects must fail here too, or an index would build locally and not in production.
 */
class StemmerOverrideFilterFactory extends AbstractTokenFilterFactory {

    private static final String ARROW = "=>";

    private final StemmerOverrideFilter.StemmerOverrideMap overrideMap;

    StemmerOverrideFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        List<String> rules = Analysis.getWordList(env, settings, "rules");
        if (rules == null) {
            throw new IllegalArgumentException("stemmer override filter requires either `rules` or `rules_path` to be configured");
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String rule : rules) {
            addRule(builder, rule);
        }
        try {
            this.overrideMap = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addRule(StemmerOverrideFilter.Builder builder, String rule) {
        String[] sides = rule.split(ARROW, -1);
        if (sides.length != 2) {
            throw invalid(rule);
        }
        String override = sides[1].trim();
        if (override.isEmpty() || override.indexOf(',') != -1) {
            throw invalid(rule);
        }
        for (String key : sides[0].split(",", -1)) {
            String trimmed = key.trim();
            if (trimmed.isEmpty()) {
                throw invalid(rule);
            }
            builder.add(trimmed, override);
        }
    }

    // A plain RuntimeException, as analysis-common throws: the cluster answers it the same way.
    private static RuntimeException invalid(String rule) {
        return new RuntimeException("Invalid Keyword override Rule:" + rule);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StemmerOverrideFilter(tokenStream, overrideMap);
    }
}
