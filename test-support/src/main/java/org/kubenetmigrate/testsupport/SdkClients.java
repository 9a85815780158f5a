package org.kubenetmigrate.testsupport;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;

/** An Azure SDK {@link HttpClient} (the JDK one) that trusts the fake's certificate. Needs azure-core-http-jdk-httpclient. */
public final class SdkClients {
    private SdkClients() {
    }

    public static HttpClient trustingFakeArm() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(FakeArm.clientSslContext())).build();
    }
}
