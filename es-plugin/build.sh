#!/usr/bin/env bash
# Builds the arabic-news-dev-analysis Elasticsearch plugin without Maven/Gradle.
# Usage: es-plugin/build.sh <es-home> <out-dir>
#   Compiles against <es-home>/lib/*, writes <out-dir>/arabic-news-dev-analysis/{jar,plugin-descriptor.properties}.
#   Use <es-home>/plugins as <out-dir> to install. Safe to re-run (replaces the previous build).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 <es-home> <out-dir>" >&2
  exit 2
fi
ES_HOME=$1
OUT_DIR=$2
PLUGIN_NAME=arabic-news-dev-analysis
PLUGIN_VERSION=1.0.0
HERE=$(cd "$(dirname "$0")" && pwd)

# The plugin must declare the exact server version; take it from lib/elasticsearch-<version>.jar.
ES_VERSION=
for jar in "$ES_HOME"/lib/elasticsearch-[0-9]*.jar; do
  [ -e "$jar" ] || break
  ES_VERSION=$(basename "$jar" .jar)
  ES_VERSION=${ES_VERSION#elasticsearch-}
done
if [ -z "$ES_VERSION" ]; then
  echo "no $ES_HOME/lib/elasticsearch-<version>.jar found" >&2
  exit 1
fi

# javac from JAVA_HOME/ES_JAVA_HOME when set, else PATH.
JDK=${ES_JAVA_HOME:-${JAVA_HOME:-}}
if [ -n "$JDK" ] && [ -x "$JDK/bin/javac" ]; then JAVAC=$JDK/bin/javac; JAR=$JDK/bin/jar; else JAVAC=javac; JAR=jar; fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/classes"

find "$HERE/src/main/java" -name '*.java' > "$WORK/sources.txt"
"$JAVAC" --release 17 -encoding UTF-8 -Xlint:all,-processing,-serial -Werror \
  -cp "$ES_HOME/lib/*" -d "$WORK/classes" @"$WORK/sources.txt"
"$JAR" --create --file "$WORK/$PLUGIN_NAME-$PLUGIN_VERSION.jar" -C "$WORK/classes" .

cat > "$WORK/plugin-descriptor.properties" <<PROPS
description=Dev-only subset of analysis-common (Arabic filters, synonym_graph, mapping, ...) for ES distributions without that module
version=$PLUGIN_VERSION
name=$PLUGIN_NAME
classname=org.arabicnews.esplugin.ArabicNewsAnalysisPlugin
java.version=17
elasticsearch.version=$ES_VERSION
PROPS

# Replace any previous build in one step so a re-run never leaves stale jars behind.
TARGET="$OUT_DIR/$PLUGIN_NAME"
mkdir -p "$OUT_DIR"
rm -rf "$TARGET"
mkdir "$TARGET"
cp "$WORK/$PLUGIN_NAME-$PLUGIN_VERSION.jar" "$WORK/plugin-descriptor.properties" "$TARGET/"
echo "built $TARGET for Elasticsearch $ES_VERSION"
