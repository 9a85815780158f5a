package org.kubenetmigrate.architecture.planted.executor.steps;

import com.azure.core.credential.TokenCredential;

/** Planted: Azure SDK code outside the Azure adapters. */
public final class StepSigningIn {
    TokenCredential credential;
}
