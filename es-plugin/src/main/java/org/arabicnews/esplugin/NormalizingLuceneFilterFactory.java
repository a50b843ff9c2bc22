package org.arabicnews.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

import java.util.function.UnaryOperator;

/**
 * A per-character filter (no stemming, no token splitting) that ES also applies when normalising
 * multi-term queries (prefix, wildcard, fuzzy) and in keyword normalizers.
 */
class NormalizingLuceneFilterFactory extends LuceneFilterFactory implements NormalizingTokenFilterFactory {

    NormalizingLuceneFilterFactory(String name, Settings settings, UnaryOperator<TokenStream> wrapper) {
        super(name, settings, wrapper);
    }
}
