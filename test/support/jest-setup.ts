// End-to-end tests start the whole marketplace (several processes), which takes tens of seconds.
jest.setTimeout(240_000);
