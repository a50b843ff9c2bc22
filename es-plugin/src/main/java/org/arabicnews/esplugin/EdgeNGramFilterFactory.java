package org.arabicnews.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** {@code edge_ngram}: min_gram (1), max_gram (2), preserve_original (false), side (front|back). */
class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final boolean fromBack;

    EdgeNGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        String side = settings.get("side", "front");
        if (side.equals("front") == false && side.equals("back") == false) {
            throw new IllegalArgumentException("invalid side [" + side + "] for [" + name + "], expected [front] or [back]");
        }
        this.fromBack = side.equals("back");
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (fromBack == false) {
            return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
        }
        // Lucene dropped back-side grams; reversing before and after gives the same suffixes.
        TokenStream grams = new EdgeNGramTokenFilter(new ReverseStringFilter(tokenStream), minGram, maxGram, preserveOriginal);
        return new ReverseStringFilter(grams);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // Grams would turn every synonym rule into garbage, so ES refuses this combination too.
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
