package org.kubenetmigrate.cli;

import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import picocli.CommandLine;

/** Parses a CIDR option with the same strict rules as the input files. */
final class CidrConverter implements CommandLine.ITypeConverter<IpPrefix> {
    @Override
    public IpPrefix convert(String value) {
        try {
            return IpPrefix.parse(value);
        } catch (CidrFormatException e) {
            throw new CommandLine.TypeConversionException("invalid CIDR '" + value + "': " + e.getMessage());
        }
    }
}
