/**
 * The {@code stormglass} command: one picocli class per subcommand, shared options as mixins
 * ({@code --jobs}, {@code --set}, the output options with {@code --force}), and the two handlers that
 * turn every failure into an exit code by kind ({@link io.stormglass.cli.ExitCodes}): a user mistake
 * is one located line and exit 2; a safety or linearizability violation 1, a liveness failure 4, an
 * unknown verdict 3; anything else is a bug in Stormglass, exit 70, with one line on the terminal and
 * the stack trace in a log file. Every command resolves and checks its output destination before it
 * simulates anything, and never deletes or overwrites what Stormglass did not write. This is the only
 * package that prints to the terminal and the composition root of the whole tool; nothing imports it.
 */
package io.stormglass.cli;
