/** etcd's fio disk check ({@code disk-check}) replayed against any model, neighbours included. */
package io.stormglass.disk.fio;
