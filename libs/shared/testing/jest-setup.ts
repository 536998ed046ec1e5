// Integration specs start Nest services and create PostgreSQL databases; on a busy 2-core machine
// that can take longer than Jest's 5 s default. Speed is measured by the benchmarks, not here.
jest.setTimeout(60_000);
