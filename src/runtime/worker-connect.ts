/** The first message a program worker receives: the port the runtime's control travels on. */
export const CONNECT = 'interleave:connect';
