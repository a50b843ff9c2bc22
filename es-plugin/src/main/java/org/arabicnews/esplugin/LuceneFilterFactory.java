package org.arabicnews.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

import java.util.function.UnaryOperator;

/** A settings-free token filter: wraps the incoming stream in one Lucene filter. */
class LuceneFilterFactory extends AbstractTokenFilterFactory {

    private final UnaryOperator<TokenStream> wrapper;

    LuceneFilterFactory(String name, Settings settings, UnaryOperator<TokenStream> wrapper) {
        super(name, settings);
        this.wrapper = wrapper;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return wrapper.apply(tokenStream);
    }
}
