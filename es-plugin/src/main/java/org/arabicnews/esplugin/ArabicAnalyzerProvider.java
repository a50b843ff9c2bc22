package org.arabicnews.esplugin;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * The stock {@code arabic} analyzer (baseline for evaluation): Lucene's ArabicAnalyzer, i.e.
 * standard tokenizer, lowercase, decimal_digit, stop (_arabic_), arabic_normalization,
 * optional keyword marker from stem_exclusion, arabic_stem. Accepts {@code stopwords},
 * {@code stopwords_path} and {@code stem_exclusion} like the ES language analyzers.
 */
class ArabicAnalyzerProvider extends AbstractIndexAnalyzerProvider<ArabicAnalyzer> {

    private final ArabicAnalyzer analyzer;

    ArabicAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        CharArraySet stopWords = Analysis.parseStopWords(env, settings, ArabicAnalyzer.getDefaultStopSet());
        CharArraySet stemExclusion = Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
        this.analyzer = new ArabicAnalyzer(stopWords, stemExclusion);
    }

    @Override
    public ArabicAnalyzer get() {
        return analyzer;
    }
}
