/**
 * Resumable uploads over the tus 1.0 protocol (core, creation, termination, expiration; docs/webui.md,
 * "Uploads"): a file's bytes are appended on disk under the data dir as they arrive, so a dropped county link
 * resumes from the last byte the server holds; a completed file goes to the {@link org.consilium.archive.UploadTarget}
 * its metadata names (a DICOM instance to the archive's ingest, an attachment to its consult).
 */
package org.consilium.archive.upload;
