/**
 * The Functions log one JSON line per call (serverless/src/lib/log.ts). While `run` runs, those lines are
 * still built but counted instead of written: a terminal's or pipe's speed is not what a suite measures.
 * Everything else still reaches the console.
 */
async function countingFunctionLogs(run) {
  const consoleLog = console.log;
  const counted = { lines: 0 };
  console.log = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('{"fn":')) counted.lines += 1;
    else consoleLog(...args);
  };
  try {
    return { result: await run(), functionLogLines: counted.lines };
  } finally {
    console.log = consoleLog;
  }
}

module.exports = { countingFunctionLogs };
