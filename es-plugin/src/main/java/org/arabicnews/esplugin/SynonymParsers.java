package org.arabicnews.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.Reader;

/**
 * Compiles rules into a SynonymMap. With {@code lenient: true} a rule term that the chain cannot
 * analyse (e.g. it is a stop word, or analyses to nothing) is dropped instead of failing the
 * whole index, matching the documented ES behaviour; otherwise any bad rule is an error.
 */
final class SynonymParsers {

    private SynonymParsers() {}

    /** Fails as analysis-common does: "failed to build synonyms from [origin]", the parser's error as the cause. */
    static SynonymMap build(Reader rules, String origin, boolean wordnet, boolean expand, boolean lenient, Analyzer analyzer) {
        try (rules) {
            SynonymMap.Parser parser = wordnet
                ? new LenientWordnet(expand, lenient, analyzer)
                : new LenientSolr(expand, lenient, analyzer);
            parser.parse(rules);
            return parser.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to build synonyms from [" + origin + "]", e);
        }
    }

    /** Empty CharsRef is our marker for "term rejected under lenient mode". */
    private static CharsRef analyzeOrSkip(boolean lenient, IOCall call) throws IOException {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            if (lenient) {
                return new CharsRef("");
            }
            throw e;
        }
    }

    private static boolean keep(boolean lenient, CharsRef input, CharsRef output) {
        return lenient == false || (input.length > 0 && output.length > 0);
    }

    @FunctionalInterface
    private interface IOCall {
        CharsRef run() throws IOException;
    }

    private static final class LenientSolr extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolr(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return analyzeOrSkip(lenient, () -> super.analyze(text, reuse));
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (keep(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }
    }

    private static final class LenientWordnet extends WordnetSynonymParser {
        private final boolean lenient;

        LenientWordnet(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return analyzeOrSkip(lenient, () -> super.analyze(text, reuse));
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (keep(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }
    }
}
