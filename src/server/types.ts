/** What middleware puts on the context for handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Times an Elasticsearch call into the metrics, labelled by operation. */
    timeEs: <T>(operation: string, call: () => Promise<T>) => Promise<T>;
  };
}
