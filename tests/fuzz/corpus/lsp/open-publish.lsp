Content-Length: 307

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp", "languageId": "cpp", "version": 1, "text": "#include \"pii/annotations.h\"\n[[pii::purpose(\"security\")]] int phone;\nint f() { return phone; } // caf\u00e9 \ud83d\ude00\n"}}}Content-Length: 554

{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///work/main/examples/src/main.cpp", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 14}}, "severity": 2, "code": "-Wunknown-attributes", "source": "clang", "message": "unknown attribute 'purpose' ignored"}, {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}}, "severity": 1, "code": "undeclared_var_use", "source": "clang", "message": "use of undeclared identifier"}]}}Content-Length: 126

{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///tmp/a%20b.cpp", "diagnostics": []}}