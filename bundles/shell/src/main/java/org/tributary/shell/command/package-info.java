/** The {@code stream:*} Karaf shell commands. Private to this bundle. */
package org.tributary.shell.command;
