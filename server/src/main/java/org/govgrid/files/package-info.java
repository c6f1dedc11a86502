/**
 * File service (标准 7.3.1, 7.3.2): uploads sniffed by content, checksummed, thumbnailed,
 * stored behind a {@link org.govgrid.files.FileStore} (local disk by default) and served
 * as attachments within the caller's scope.
 */
package org.govgrid.files;
