package org.kubenetmigrate.architecture.planted.executor.azure.sdk;

import com.azure.core.credential.TokenCredential;

/** Not a violation: an Azure adapter may use the SDK (the control for the SDK rule). */
public final class AdapterSigningIn {
    TokenCredential credential;
}
