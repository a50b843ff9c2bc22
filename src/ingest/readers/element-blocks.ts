/**
 * @module ingest/readers/element-blocks
 * Cuts a stream of text into repeated top-level blocks (`<DOC>…</DOC>`, `<item>…</item>`),
 * holding one block at a time, so a file with thousands of them reads in constant memory.
 * A block whose closing tag never comes (another opening tag, or the end of input, arrives
 * first) is still handed over, marked unclosed, for the reader to report.
 */

export interface ElementBlock {
  /** The block from its opening tag to its closing tag (or to where it was cut off). */
  text: string;
  closed: boolean;
  /** 1-based line of the opening tag. */
  line: number;
}

export interface BlockStream {
  /** Text before the first block (an RSS channel's title lives there), capped in size. */
  preamble: () => string;
  blocks: AsyncGenerator<ElementBlock>;
}

/** Only this much of the text before the first block is kept; feed headers are small. */
const MAX_PREAMBLE_CHARS = 256 * 1024;

export function elementBlocks(chunks: AsyncIterable<string>, name: string): BlockStream {
  let preamble = "";
  let seenBlock = false;
  const open = new RegExp(`<${name}(?=[\\s>/])`, "i");
  const close = new RegExp(`</${name}\\s*>`, "i");

  async function* blocks(): AsyncGenerator<ElementBlock> {
    let buffer = "";
    let bufferLine = 1; // line number of buffer[0]
    let inBlock = false;
    /** Drop `count` characters from the buffer front, keeping the line count right. */
    const consume = (count: number): string => {
      const taken = buffer.slice(0, count);
      bufferLine += countNewlines(taken);
      buffer = buffer.slice(count);
      return taken;
    };

    for await (const chunk of chunks) {
      buffer += chunk;
      for (;;) {
        if (!inBlock) {
          const start = open.exec(buffer);
          // Keep a tail: an opening tag may be split across chunks.
          const skip = start ? start.index : Math.max(0, buffer.length - name.length - 2);
          const skipped = consume(skip);
          if (!seenBlock && preamble.length < MAX_PREAMBLE_CHARS) preamble += skipped;
          if (!start) break;
          seenBlock = true;
          inBlock = true;
        }
        const afterOpen = name.length + 1;
        const rest = buffer.slice(afterOpen);
        const end = close.exec(rest);
        const nextOpen = open.exec(rest);
        if (end && (!nextOpen || end.index < nextOpen.index)) {
          const line = bufferLine;
          yield { text: consume(afterOpen + end.index + end[0].length), closed: true, line };
        } else if (nextOpen) {
          const line = bufferLine;
          yield { text: consume(afterOpen + nextOpen.index), closed: false, line };
        } else break; // wait for more input
        inBlock = false;
      }
    }
    if (inBlock) yield { text: buffer, closed: false, line: bufferLine };
    else if (!seenBlock && preamble.length < MAX_PREAMBLE_CHARS) preamble += buffer;
  }

  return { preamble: () => preamble, blocks: blocks() };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
