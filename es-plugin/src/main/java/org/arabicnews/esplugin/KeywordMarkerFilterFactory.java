package org.arabicnews.esplugin;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code keyword_marker}: protects listed words from later stemmers. Words come from
 * {@code keywords} (inline) or {@code keywords_path} (relative to the config dir); alternatively
 * {@code keywords_pattern}. {@code ignore_case} defaults to false.
 */
class KeywordMarkerFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet keywords;
    private final Pattern keywordPattern;

    KeywordMarkerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        boolean ignoreCase = settings.getAsBoolean("ignore_case", false);
        String patternSource = settings.get("keywords_pattern");
        // Analysis.getWordList reads "keywords" or, failing that, the file named by "keywords_path".
        List<String> words = Analysis.getWordList(env, settings, "keywords");
        if (patternSource != null && words != null) {
            throw new IllegalArgumentException("cannot specify both `keywords_pattern` and `keywords` or `keywords_path`");
        }
        if (patternSource == null && words == null) {
            throw new IllegalArgumentException(
                "keyword filter requires either `keywords`, `keywords_path`, or `keywords_pattern` to be configured");
        }
        this.keywordPattern = patternSource == null ? null : Pattern.compile(patternSource);
        this.keywords = words == null ? null : new CharArraySet(words, ignoreCase);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (keywordPattern != null) {
            return new PatternKeywordMarkerFilter(tokenStream, keywordPattern);
        }
        return new SetKeywordMarkerFilter(tokenStream, keywords);
    }
}
