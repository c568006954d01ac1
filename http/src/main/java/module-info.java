/**
 * The HTTP kit providers are written on: Feign with Tapedeck's client, retries, redaction and error mapping, and
 * the shared Jackson setup. Feign's and Jackson's types appear in the kit's signatures, so reading this module
 * reads them.
 */
module dev.tapedeck.http {
    requires transitive dev.tapedeck.core;
    requires transitive feign.core;
    requires transitive com.fasterxml.jackson.databind;
    requires feign.jackson;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports dev.tapedeck.http;
    exports dev.tapedeck.http.json;
}
