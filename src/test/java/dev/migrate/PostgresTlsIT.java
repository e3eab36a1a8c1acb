package dev.migrate;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** The TLS modes against the packaged application: the native executable must carry its TLS support too. */
@QuarkusMainIntegrationTest
class PostgresTlsIT extends PostgresTlsTest {
}
