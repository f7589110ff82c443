// The baselines of the runtime figures: a worker's start-up (its first message) and a bare
// postMessage round trip.
postMessage('ready');
addEventListener('message', (event: MessageEvent<unknown>) => postMessage(event.data));
