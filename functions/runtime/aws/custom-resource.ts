import * as z from 'zod';

/** What CloudFormation sends a Lambda-backed custom resource (the fields Sykli reads). */
const CustomResourceEventSchema = z.looseObject({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.url(),
  StackId: z.string(),
  RequestId: z.string(),
  LogicalResourceId: z.string(),
  PhysicalResourceId: z.string().optional(),
  ResourceProperties: z.record(z.string(), z.unknown()),
});
export type CustomResourceEvent = z.infer<typeof CustomResourceEventSchema>;

/**
 * A custom resource's handler: runs `onEvent` and always answers CloudFormation at the event's
 * pre-signed URL — a handler that never answers holds the stack for an hour. Answers FAILED with
 * the error's message, so the deploy stops and says why.
 */
export function customResourceHandler(onEvent: (event: CustomResourceEvent) => Promise<{ physicalResourceId: string }>) {
  return async (raw: unknown): Promise<void> => {
    const event = CustomResourceEventSchema.parse(raw);
    let answer: { Status: 'SUCCESS' | 'FAILED'; Reason?: string; PhysicalResourceId: string };
    try {
      const { physicalResourceId } = await onEvent(event);
      answer = { Status: 'SUCCESS', PhysicalResourceId: physicalResourceId };
    } catch (error) {
      answer = {
        Status: 'FAILED',
        Reason: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId,
      };
    }
    const body = JSON.stringify({ ...answer, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
    // The URL is pre-signed for a PUT without a content type, as CloudFormation's own helper sends it.
    const response = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
    if (!response.ok) throw new Error(`CloudFormation did not take the answer: HTTP ${response.status}`);
  };
}
