import { createBootstrapFunction } from '../runtime/aws/bootstrap.js';

/** The first-admin custom resource, run by CloudFormation on each deploy. */
export const { handler } = createBootstrapFunction(process.env);
