// Worker-thread entry of the segmenter pool. Plain JavaScript so it starts the same way under
// Node, swc-node and Jest; when the library runs from TypeScript sources it registers swc-node
// first and then loads the TypeScript analyzer (one implementation for both threads).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

if (workerData.registerTypeScript) require('@swc-node/register');
const { Analyzer } = require(workerData.analyzerModule);

const analyzer = new Analyzer(workerData.extraWords || []);

parentPort.on('message', (message) => {
  try {
    const out = new Array(message.texts.length);
    for (let i = 0; i < message.texts.length; i++) {
      const text = message.texts[i];
      // Only a term's first position counts in the index: send each token once.
      out[i] = text ? [...new Set(analyzer.indexTokens(text))].join(' ') : '';
    }
    parentPort.postMessage({ id: message.id, tokens: out });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.stack) || error) });
  }
});
