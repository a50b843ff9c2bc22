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
 */
class StemmerOverrideFilterFactory extends AbstractTokenFilterFactory {

    private final StemmerOverrideFilter.StemmerOverrideMap overrideMap;

    StemmerOverrideFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        List<String> rules = Analysis.getWordList(env, settings, "rules");
        if (rules == null) {
            throw new IllegalArgumentException("stemmer override filter requires either `rules` or `rules_path` to be configured");
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String rule : rules) {
            String[] sides = rule.split("=>", -1);
            if (sides.length != 2 || sides[1].trim().isEmpty()) {
                throw new IllegalArgumentException("Invalid stemmer override rule [" + rule + "]: expected `a, b => c`");
            }
            String stem = sides[1].trim();
            for (String word : sides[0].split(",")) {
                if (!word.trim().isEmpty()) builder.add(word.trim(), stem);
            }
        }
        try {
            this.overrideMap = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StemmerOverrideFilter(tokenStream, overrideMap);
    }
}
