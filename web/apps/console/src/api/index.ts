// The console talks to the server only through the shared typed client.
export * from '@govgrid/api';
