package dev.fakeecs.internal.protocol;

/**
 * How a validation message names a member inside a request, which differs by protocol: AWS JSON services
 * say {@code containerDefinitions[0].cpu}; AWS Query services (Elastic Load Balancing, CloudWatch) say
 * {@code targets.1.member.port}, with each member name's first letter in lower case.
 *
 * <pre>{@code
 * MemberPaths.QUERY.index(MemberPaths.QUERY.member("", "Targets"), 0);   // "targets.1.member"
 * }</pre>
 */
public enum MemberPaths {

    /** {@code name[0].member[key]}: member names as the wire spells them, zero-based list indexes. */
    JSON {
        @Override
        public String member(String parent, String name) {
            return parent.isEmpty() ? name : parent + "." + name;
        }

        @Override
        public String index(String parent, int index) {
            return parent + "[" + index + "]";
        }

        @Override
        public String key(String parent, Object key) {
            return parent + "[" + key + "]";
        }
    },

    /** {@code name.1.member.other}: lower-camel member names, one-based list positions. */
    QUERY {
        @Override
        public String member(String parent, String name) {
            String lower = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
            return parent.isEmpty() ? lower : parent + "." + lower;
        }

        @Override
        public String index(String parent, int index) {
            return parent + "." + (index + 1) + ".member";
        }

        @Override
        public String key(String parent, Object key) {
            return parent + ".entry." + key;
        }
    };

    /** The path of member {@code name} (as the wire spells it) inside {@code parent} ({@code ""} at the top). */
    public abstract String member(String parent, String name);

    /** The path of the list element at zero-based {@code index} of {@code parent}. */
    public abstract String index(String parent, int index);

    /** The path of the map value under {@code key} of {@code parent}. */
    public abstract String key(String parent, Object key);
}
