/**
 * @module http/app-env
 * What the API app's middleware puts on each request's context, for the API's handlers and the
 * pages alike: its own module, so the pages (which the app registers) need not import the app.
 */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Who is asking, for per-client limits: the socket's address, or the one a trusted proxy saw. */
    client: string;
    /** Times an Elasticsearch call into the metrics, labelled by operation. */
    timeEs: <T>(operation: string, call: () => Promise<T>) => Promise<T>;
  };
}
