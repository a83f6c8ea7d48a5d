import { createMailEventsFunction } from '../runtime/aws/mail-events.js';

/** SES bounce and complaint events, delivered by SNS. */
export const { handler } = createMailEventsFunction(process.env);
