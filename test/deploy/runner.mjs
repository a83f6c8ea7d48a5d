// Starts one Lambda function's bundled module the way the Node.js Lambda runtime does: import the
// module that `_HANDLER` names from LAMBDA_TASK_ROOT (an init error is reported, as Lambda reports
// it), then invoke its handler once per event the harness sends over IPC, one at a time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const send = (message) => new Promise((resolve) => process.send(message, resolve));

/** Lambda's error shape: the error's name and message, with the stack for the harness's messages. */
const serialize = (error) =>
  error instanceof Error
    ? { errorType: error.name, errorMessage: error.message, stack: error.stack }
    : { errorType: typeof error, errorMessage: String(error) };

async function load() {
  const handlerSetting = process.env._HANDLER ?? '';
  const dot = handlerSetting.lastIndexOf('.');
  const [moduleName, exportName] = [handlerSetting.slice(0, dot), handlerSetting.slice(dot + 1)];
  const root = process.env.LAMBDA_TASK_ROOT ?? '.';
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(root, moduleName + ext)).find((path) => existsSync(path));
  if (!file) throw Object.assign(new Error(`Cannot find module '${moduleName}'`), { name: 'Runtime.ImportModuleError' });
  const module = await import(pathToFileURL(file).href);
  const handler = module[exportName];
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${handlerSetting} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
}

// What the function will see, reported before its module loads, so that the harness can prove
// that nothing of the developer's environment leaked in.
await send({ type: 'env', names: Object.keys(process.env).sort() });

let handler;
try {
  handler = await load();
} catch (error) {
  await send({ type: 'init-error', error: serialize(error) });
  process.exit(1);
}

// The harness went away: so does the function.
process.on('disconnect', () => process.exit(0));
process.on('uncaughtException', async (error) => {
  await send({ type: 'crash', error: serialize(error) });
  process.exit(1);
});
process.on('unhandledRejection', async (error) => {
  await send({ type: 'crash', error: serialize(error) });
  process.exit(1);
});

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return;
  const deadline = Date.now() + message.timeoutMs;
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: message.invokedFunctionArn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: message.requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  process.env._X_AMZN_TRACE_ID = message.traceId;
  try {
    const value = await handler(message.event, context);
    await send({ type: 'result', id: message.id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    await send({ type: 'result', id: message.id, ok: false, error: serialize(error) });
  }
});

await send({ type: 'ready' });
