/**
 * The one way Stormglass reads a user's file: {@link io.stormglass.scenario.input.InputFiles}
 * refuses what is not a regular file (a folder, {@code /dev/zero}, a FIFO) and anything over the
 * bound of its {@link io.stormglass.scenario.input.InputKind} before reading, decodes strict UTF-8
 * (a BOM dropped, CRLF accepted) and reports a bad byte at its line and column. Nothing in the tool
 * opens a user's file any other way, so no input can exhaust memory or hang a command.
 */
package io.stormglass.scenario.input;
